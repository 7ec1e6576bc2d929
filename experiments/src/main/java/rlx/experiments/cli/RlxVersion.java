package rlx.experiments.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code rlx --version}: the jar's implementation version and the Java runtime. */
final class RlxVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RlxVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "rlx " + (version != null ? version : "(development build)"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
