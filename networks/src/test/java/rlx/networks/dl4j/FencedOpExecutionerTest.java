package rlx.networks.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ND4J's use-after-free of op dimension buffers under garbage-collection pressure, and its fix. */
class FencedOpExecutionerTest {

    @Test
    void testsRunOnTheFencedExecutioner() {
        assertTrue(Nd4jSetup.fenced(), "surefire's -Dopexec must install FencedOpExecutioner");
    }

    @Test
    void broadcastsAndReductionsSurviveACollectionEveryFewMilliseconds() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xmn2m", "-XX:+UseParallelGC",
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dorg.bytedeco.javacpp.maxBytes=0",
                "-Dorg.bytedeco.javacpp.platform.extension="
                        + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-D" + Nd4jSetup.OP_EXECUTIONER + "=" + FencedOpExecutioner.class.getName(),
                "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/rlx-gc-pressure-hs_err_%p.log",
                "-cp", System.getProperty("java.class.path"), GcPressureLoop.class.getName(), "10"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertEquals(0, code, "child JVM died:\n" + output);
        assertTrue(output.contains("executioner=" + FencedOpExecutioner.class.getName()), output);
        assertTrue(output.contains("ok iterations="), output);
    }
}
