package io.coincalltrader.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set from the pom). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"CoincallTrader " + (v == null ? "(development build)" : v)};
    }
}
