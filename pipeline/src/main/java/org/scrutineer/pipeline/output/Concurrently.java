package org.scrutineer.pipeline.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent Spark actions from the driver at the same time (Spark schedules jobs from
 * several threads), so that many small jobs share the cores. Waits for all; the first failure is
 * rethrown as it was thrown.
 */
public final class Concurrently {
  private Concurrently() {}

  /** The results of {@code actions}, in order. */
  public static <T> List<T> run(List<Callable<T>> actions) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, actions.size()));
    try {
      List<Future<T>> futures = new ArrayList<>();
      actions.forEach(a -> futures.add(pool.submit(a)));
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing the tables", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
