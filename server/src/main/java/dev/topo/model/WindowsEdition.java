package dev.topo.model;

/**
 * Which Windows a release names: the server, or a client edition. Clients run containers in
 * Hyper-V isolation unless told otherwise, servers in process isolation (as Docker does).
 */
public enum WindowsEdition {
  SERVER("Windows Server"), WINDOWS_10("Windows 10"), WINDOWS_11("Windows 11");

  private final String label;

  WindowsEdition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isClient() {
    return this != SERVER;
  }

  public Isolation defaultIsolation() {
    return isClient() ? Isolation.HYPERV : Isolation.PROCESS;
  }
}
