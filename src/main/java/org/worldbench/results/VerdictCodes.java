package org.worldbench.results;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.worldbench.analysis.Verdict;

/** Stores a {@link Verdict} as its stable code. */
@Converter(autoApply = true)
public final class VerdictCodes implements AttributeConverter<Verdict, String> {

    @Override
    public String convertToDatabaseColumn(Verdict verdict) {
        return verdict == null ? null : verdict.code();
    }

    @Override
    public Verdict convertToEntityAttribute(String code) {
        return code == null ? null : Verdict.ofCode(code);
    }
}
