package rlx.trainers.cluster;

/** A node's {@code host:port} as typed on a command line ({@code [::1]:25520} for IPv6). */
public record NodeAddress(String host, int port) {

    public NodeAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static NodeAddress parse(String text) {
        String expected = "expected host:port, e.g. 127.0.0.1:" + ClusterSettings.DEFAULT_PORT;
        String s = text == null ? "" : text.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("bad address '" + text + "': " + expected);
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("bad address '" + text + "': write IPv6 hosts in brackets, e.g. [::1]:"
                    + ClusterSettings.DEFAULT_PORT);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad address '" + text + "': port '" + s.substring(colon + 1)
                    + "' is not a number; " + expected);
        }
        try {
            return new NodeAddress(host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad address '" + text + "': " + e.getMessage() + "; " + expected);
        }
    }

    /** Pekko's address of the node: {@code pekko://rlx@host:port}. */
    public String pekkoAddress() {
        return "pekko://" + NodeConfig.SYSTEM_NAME + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
