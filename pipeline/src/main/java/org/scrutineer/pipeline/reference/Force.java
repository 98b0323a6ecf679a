package org.scrutineer.pipeline.reference;

import java.io.Serializable;

/**
 * A police force as data.police.uk names it.
 *
 * @param slug the data.police.uk identifier used in file names, e.g. {@code avon-and-somerset}
 * @param name the force area's name
 * @param areaCode the ONS police force area code (PFA), e.g. {@code E23000036}; {@code BTP} for
 *     British Transport Police, which has no area
 * @param residentPopulation whether the force area has residents, and so Census denominators; false
 *     for British Transport Police (counts and outcomes only, never rates)
 */
public record Force(String slug, String name, String areaCode, boolean residentPopulation)
    implements Serializable {}
