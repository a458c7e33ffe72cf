package io.vinyldetective.engine.pipeline;

/**
 * The configured pipeline cannot be assembled: a plugin is missing, refused, fails to start or
 * has a bad setting. The message names the plugin and, where there is one, the key.
 */
public final class PipelineException extends RuntimeException {

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
