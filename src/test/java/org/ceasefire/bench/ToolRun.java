package org.ceasefire.bench;

import java.util.Arrays;

import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

/** A benchmark child (not a test): Kafka's own ProducerPerformance or ConsumerPerformance, with this process's memory. */
public final class ToolRun {
    private ToolRun() {
    }

    public static void main(String[] args) throws Exception {
        Resources resources = new Resources();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "producer" -> ProducerPerformance.main(rest);
            case "consumer" -> ConsumerPerformance.main(rest);
            default -> throw new IllegalArgumentException(args[0]);
        }
        resources.print();
        System.out.flush();
        System.exit(0);
    }
}
