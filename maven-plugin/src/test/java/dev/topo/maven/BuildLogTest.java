package dev.topo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

class BuildLogTest {
  @Test
  void eachFindingAndItsExcerptAreLoggedAtItsSeverityAndTheRestAsInformation() {
    List<String> logged = new ArrayList<>();
    new BuildLog(recording(logged)).write("""
        a.topo:8:5: error [container-os-mismatch] container 'web' runs linux
         8 |     os linux
           |     ^^^^^^^^
            a.topo:3:3: note: host 'win-01' runs windows

        a.topo:11:5: warning [unpinned-image] image 'nginx:latest' uses the tag 'latest'
         11 |     image "nginx:latest"

        1 error and 1 warning in 1 file
        """);
    assertEquals(List.of(
        "error a.topo:8:5: error [container-os-mismatch] container 'web' runs linux",
        "error  8 |     os linux",
        "error    |     ^^^^^^^^",
        "error     a.topo:3:3: note: host 'win-01' runs windows",
        "warn a.topo:11:5: warning [unpinned-image] image 'nginx:latest' uses the tag 'latest'",
        "warn  11 |     image \"nginx:latest\"",
        "info 1 error and 1 warning in 1 file"), logged);
  }

  /** A log that records each line with the name of the method that logged it. */
  private static Log recording(List<String> lines) {
    return mock(Log.class, invocation -> {
      lines.add(invocation.getMethod().getName() + " " + invocation.getArgument(0));
      return null;
    });
  }
}
