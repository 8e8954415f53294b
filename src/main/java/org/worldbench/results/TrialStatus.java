package org.worldbench.results;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where a trial is. Stored as {@link #code()}. */
public enum TrialStatus {
    /** Planned, not measured yet (also a trial whose process was killed while measuring it). */
    PENDING("pending"),
    /** Measured and stored with all its samples. */
    DONE("done"),
    /** Its forks failed; the trial's failure column says why. */
    FAILED("failed");

    private final String code;

    TrialStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Codes implements AttributeConverter<TrialStatus, String> {
        @Override
        public String convertToDatabaseColumn(TrialStatus status) {
            return status == null ? null : status.code;
        }

        @Override
        public TrialStatus convertToEntityAttribute(String code) {
            if (code == null) {
                return null;
            }
            for (TrialStatus s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown trial status code '" + code + "'");
        }
    }
}
