package org.scrutineer.pipeline.store;

/**
 * A complete run in a store.
 *
 * @param id the run id (its UTC start time)
 * @param status its {@code status.json}
 * @param latest whether it is the run published at {@code latest}
 */
public record StoredRun(String id, RunStatus status, boolean latest) {}
