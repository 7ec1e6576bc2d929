package rlx.envs.core;

import java.util.Collection;

/** An env id that is not registered; the message lists the ids that are. */
public class UnknownEnvException extends IllegalArgumentException {

    public UnknownEnvException(String id, Collection<String> known) {
        super("unknown env id '" + id + "'; known ids: " + String.join(", ", known));
    }
}
