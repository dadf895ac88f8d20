package org.perinatalequity.system.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.stats.SpcResult;

import org.springframework.stereotype.Component;

/**
 * The statistics enums in JSON as the contract's labels ({@code better}, {@code special_cause_concern},
 * {@code hit_and_miss}, {@code higher_is_better}): results keep the enums, the API writes what DESIGN.md section 4
 * names. A mix-in, because {@code stats} is plain Java and carries no Jackson annotation; Spring Boot adds every
 * module bean to its ObjectMapper.
 */
@Component
class StatsJsonModule extends SimpleModule {

    StatsJsonModule() {
        super("stats-labels");
        setMixInAnnotation(Comparison.class, Labelled.class);
        setMixInAnnotation(Polarity.class, Labelled.class);
        setMixInAnnotation(SpcResult.PointType.class, Labelled.class);
        setMixInAnnotation(SpcResult.Assurance.class, Labelled.class);
    }

    /** Each of these enums names itself by {@code label()}, in JSON too. */
    abstract static class Labelled {

        @JsonValue
        public abstract String label();
    }
}
