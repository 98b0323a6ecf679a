package org.scrutineer.pipeline;

/**
 * A run's place in its results store, recorded in its manifest.
 *
 * @param store the store's folder
 * @param runId the run's id
 * @param previousRun the run published when this one started ({@code null} for a new store)
 */
public record RunIdentity(String store, String runId, String previousRun) {}
