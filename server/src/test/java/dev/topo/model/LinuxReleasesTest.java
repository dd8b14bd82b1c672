package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinuxReleasesTest {
  @ParameterizedTest
  @CsvSource({
      "centos 6.10, CentOS, 6, 2.6.32, v1",
      "CentOS Linux release 7.9.2009 (Core), CentOS, 7, 3.10.0, v1",
      "rhel 7, RHEL, 7, 3.10.0, v1",
      "rhel 8, RHEL, 8, 4.18.0, v1",
      "rhel 9.3, RHEL, 9, 5.14.0, v2",
      "Red Hat Enterprise Linux Server release 6.4 (Santiago), RHEL, 6, 2.6.32, v1",
      "Red Hat Enterprise Linux 10.0, RHEL, 10, 6.12.0, v2",
      "RHEL9, RHEL, 9, 5.14.0, v2",
      "centos stream 9, CentOS, 9, 5.14.0, v2",
      "Rocky Linux 9.3 (Blue Onyx), Rocky Linux, 9, 5.14.0, v2",
      "rocky 8, Rocky Linux, 8, 4.18.0, v1",
      "AlmaLinux 8.9, AlmaLinux, 8, 4.18.0, v1",
      "alma 10, AlmaLinux, 10, 6.12.0, v2",
      "ubuntu 16.04, Ubuntu, 16.04, 4.4, v1",
      "Ubuntu 18.04.6 LTS, Ubuntu, 18.04, 4.15, v1",
      "ubuntu 20.04, Ubuntu, 20.04, 5.4, v1",
      "Ubuntu 22.04.3 LTS, Ubuntu, 22.04, 5.15, v2",
      "ubuntu 24.04, Ubuntu, 24.04, 6.8, v2",
      "debian 8, Debian, 8, 3.16, v1",
      "debian 9.13, Debian, 9, 4.9, v1",
      "Debian 10 (buster), Debian, 10, 4.19, v1",
      "debian 11, Debian, 11, 5.10, v2",
      "Debian GNU/Linux 12 (bookworm), Debian, 12, 6.1, v2",
      "debian 13, Debian, 13, 6.12, v2",
      "Amazon Linux 2, Amazon Linux, 2, 4.14, v1",
      "amzn2, Amazon Linux, 2, 4.14, v1",
      "al2, Amazon Linux, 2, 4.14, v1",
      "al2023, Amazon Linux, 2023, 6.1, v2",
      "Amazon Linux 2023.4.20240611, Amazon Linux, 2023, 6.1, v2",
      "SLES 12 SP5, SLES, 12, 3.12, v1",
      "SUSE Linux Enterprise Server 15 SP5, SLES, 15, 4.12, v1",
      "sles15, SLES, 15, 4.12, v1",
  })
  void aListedReleaseHasItsKernelAndCgroupVersion(String release, String distribution, String version, String kernel,
      String cgroup) {
    LinuxRelease found = LinuxReleases.lookup(release).orElseThrow(() -> new AssertionError(release));
    assertEquals(distribution, found.distribution());
    assertEquals(version, found.version());
    assertEquals(Optional.of(kernel), found.kernel());
    assertEquals(cgroup, found.cgroup().word());
  }

  /** Between and after the listed releases: the distribution's default cgroup version, and no kernel. */
  @ParameterizedTest
  @CsvSource({
      "ubuntu 21.04, 21.04, v1", "ubuntu 21.10, 21.10, v2", "Ubuntu 23.10, 23.10, v2", "ubuntu 25.4, 25.04, v2",
      "debian 14, 14, v2", "debian 7, 7, v1", "rhel 11, 11, v2", "rhel 5.11, 5, v1", "amazon linux 2018.03, 2018, v1",
      "sles 16.0, 16, v2", "sles 11 sp4, 11, v1",
  })
  void anUnlistedReleaseHasItsDistributionsCgroupVersionButNoKernel(String release, String version, String cgroup) {
    LinuxRelease found = LinuxReleases.lookup(release).orElseThrow(() -> new AssertionError(release));
    assertEquals(version, found.version());
    assertEquals(Optional.empty(), found.kernel());
    assertEquals(cgroup, found.cgroup().word());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fedora 39", "ubuntu", "ubuntu 22", "ubuntu jammy", "debian-slim", "oracle linux 8",
      "opensuse leap 15.5", "almalinux", "windows server 2019", "alpine 3.19", "arch linux"})
  void otherReleasesAreUnknown(String release) {
    assertEquals(Optional.empty(), LinuxReleases.lookup(release));
  }

  @Test
  void theFirstDistributionNamedIsTheOneLookedUp() {
    assertEquals("Ubuntu", LinuxReleases.lookup("ubuntu 22.04 (based on debian 12)").orElseThrow().distribution());
  }

  @Test
  void everyRowHasAKernelAndNamesItsSources() {
    assertEquals(20, LinuxReleases.rows().size());
    String table = LinuxReleases.markdown();
    for (LinuxRelease row : LinuxReleases.rows()) {
      assertTrue(row.kernel().isPresent(), row.toString());
      String cells = "| " + row.distribution() + " | " + row.version() + " | " + row.kernel().get() + " | "
          + row.cgroup().word() + " | ";
      String line = table.lines().filter(l -> l.startsWith(cells)).findFirst().orElseThrow(() -> new AssertionError(cells));
      String kernelSource = line.substring(cells.length(), line.length() - " |".length());
      assertTrue(kernelSource.contains("\""), "a source names its page: " + line);
      assertTrue(row.source().startsWith(kernelSource + "; "), "the row's source is its kernel's and its cgroup's: " + row);
    }
  }
}
