package io.amcp.ai.inference;

/** Where neural networks run. Tree and linear models always run on the CPU in plain Java. */
public enum DeviceChoice {
    /** The first CUDA GPU when DJL sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first CUDA GPU; loading fails when there is none. */
    GPU
}
