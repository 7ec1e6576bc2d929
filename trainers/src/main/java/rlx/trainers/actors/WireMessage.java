package rlx.trainers.actors;

/**
 * Marker of messages that may cross JVMs: bound to Pekko's Jackson CBOR serializer in {@code rlx-runtime.conf}.
 * Java serialisation stays disabled.
 */
public interface WireMessage {
}
