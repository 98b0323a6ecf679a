package org.scrutineer.jobs;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reports the tool and Spark versions from the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws Exception {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/org/scrutineer/pipeline/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "scrutineer " + p.getProperty("scrutineer.version", "unknown"),
      "Apache Spark "
          + p.getProperty("spark.version", "unknown")
          + ", Java "
          + System.getProperty("java.version")
    };
  }
}
