package dev.newswire.enrich.config;

/** An {@link EnrichConfig} for tests that build the messaging classes with {@code new}, without Quarkus. */
public final class TestEnrichConfig {

    private TestEnrichConfig() {
    }

    /** The defaults of application.properties, with the given workers and record-size cap. */
    public static EnrichConfig of(int workers, int maxRecordBytes) {
        return of(workers, 0, 1, maxRecordBytes);
    }

    /** The defaults, with the given compute slots, articles in flight and MiniLM batch size. */
    public static EnrichConfig of(int workers, int inFlight, int batchSize, int maxRecordBytes) {
        return new EnrichConfig() {
            public int workers() {
                return workers;
            }

            public int inFlight() {
                return inFlight;
            }

            public Embedding embedding() {
                return new Embedding() {
                    public int batchSize() {
                        return batchSize;
                    }

                    public java.time.Duration maxWait() {
                        return java.time.Duration.ofMillis(5);
                    }
                };
            }

            public int maxRecordBytes() {
                return maxRecordBytes;
            }

            public String pipelineVersion() {
                return "test";
            }

            public Tags tags() {
                return new Tags() {
                    public double threshold() {
                        return 0.5;
                    }

                    public int max() {
                        return 5;
                    }
                };
            }

            public Keyphrases keyphrases() {
                return () -> 10;
            }

            public Summary summary() {
                return new Summary() {
                    public int sentences() {
                        return 3;
                    }

                    public int words() {
                        return 60;
                    }
                };
            }

            public WarmUp warmUp() {
                return new WarmUp() {
                    public int articles() {
                        return 0;
                    }

                    public java.time.Duration maxTime() {
                        return java.time.Duration.ZERO;
                    }
                };
            }

            public int modelLoaders() {
                return 1;
            }
        };
    }
}
