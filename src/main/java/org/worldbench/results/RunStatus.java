package org.worldbench.results;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where a run is in its life. Stored as {@link #code()}. */
public enum RunStatus {
    /** Stored, trials not measured yet (or the job has not started). */
    PENDING("pending"),
    /** The job is measuring it, in the process named by the run's runner host and pid. */
    RUNNING("running"),
    /** Every trial measured (some may have failed: see the trials), compared and reported. */
    COMPLETED("completed"),
    /** The job stopped before the end: restart it with {@code worldbench restart RUN}. */
    FAILED("failed");

    private final String code;

    RunStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Codes implements AttributeConverter<RunStatus, String> {
        @Override
        public String convertToDatabaseColumn(RunStatus status) {
            return status == null ? null : status.code;
        }

        @Override
        public RunStatus convertToEntityAttribute(String code) {
            if (code == null) {
                return null;
            }
            for (RunStatus s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown run status code '" + code + "'");
        }
    }
}
