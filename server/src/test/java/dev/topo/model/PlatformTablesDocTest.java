package dev.topo.model;

import dev.topo.GeneratedRegions;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * docs/platforms.md shows the platform fact tables the checker consults, generated from the
 * tables themselves between marker comments; a stale copy fails here, and
 * {@code -Dtopo.updateDocs=true} rewrites it.
 */
class PlatformTablesDocTest {
  private static final String PLATFORMS = "docs/platforms.md";
  private static final String MARK = "<!-- Generated from the platform tables (PlatformTablesDocTest; mvn -B verify"
      + " -Dtopo.updateDocs=true): ";

  /** Each region of the page, and the table that fills it. */
  private static final Map<String, Supplier<String>> REGIONS = Map.of(
      "architectures", Arch::markdown,
      "windows-builds", WindowsBuilds::markdown,
      "linux-releases", LinuxReleases::markdown,
      "jvm-cgroup-support", JvmCgroupSupport::markdown);

  @Test
  void thePageShowsTheTablesOfTheChecker() throws Exception {
    GeneratedRegions.assertCurrent(PLATFORMS, PlatformTablesDocTest::fillAll,
        " shows other tables than the checker's: run mvn -B verify -Dtopo.updateDocs=true");
  }

  private static String fillAll(String text) {
    String filled = text;
    for (Map.Entry<String, Supplier<String>> region : REGIONS.entrySet()) {
      filled = fill(filled, region.getKey(), region.getValue().get());
    }
    return filled;
  }

  private static String fill(String text, String region, String content) {
    return GeneratedRegions.fill(text, MARK + region + ". -->\n", "<!-- End of the generated " + region + ". -->", content);
  }
}
