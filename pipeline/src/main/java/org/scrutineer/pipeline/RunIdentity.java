package org.scrutineer.pipeline;

/**
 * A run's place in its results store, recorded in its manifest, and how it uses the store's
 * records.
 *
 * @param store the store's folder
 * @param runId the run's id
 * @param previousRun the run published when this one started ({@code null} for a new store)
 * @param full read every input file again, reusing no stored records ({@code --full})
 * @param allowRemoval drop the records of input files the published run read that are gone, rather
 *     than keep them ({@code --allow-removal})
 */
public record RunIdentity(
    String store, String runId, String previousRun, boolean full, boolean allowRemoval) {}
