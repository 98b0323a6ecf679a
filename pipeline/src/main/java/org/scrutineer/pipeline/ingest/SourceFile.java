package org.scrutineer.pipeline.ingest;

import java.io.Serializable;

/**
 * One input file as discovered on the driver, shipped to the executor that parses it.
 *
 * @param path the fully qualified Hadoop path (for example {@code file:/data/2020-06/...csv})
 * @param power the power whose records the file holds
 * @param format the file's layout
 * @param force the force slug: from the file name (police.uk) or the mapping; {@code null} when the
 *     file names the force in a column
 * @param month the {@code yyyy-MM} month named by a police.uk file; {@code null} for extracts
 * @param mapping the column mapping of an extract; {@code null} for police.uk and canonical files
 * @param bytes the file's size
 */
public record SourceFile(
    String path,
    org.scrutineer.pipeline.schema.Power power,
    SourceFormat format,
    String force,
    String month,
    ExtractMapping mapping,
    long bytes)
    implements Serializable {}
