package dev.topo.model;

import java.util.Optional;

/**
 * What is known of a Linux release: the kernel it ships with (its first, GA kernel; empty for a
 * release the table does not list) and the cgroup version its init mounts by default.
 */
public record LinuxRelease(String distribution, String version, Optional<String> kernel, CgroupVersion cgroup,
    String source) {
  @Override
  public String toString() {
    return distribution + " " + version + kernel.map(k -> ", kernel " + k).orElse("") + ", cgroup " + cgroup.word();
  }
}
