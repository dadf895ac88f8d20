package org.perinatalequity.stats;

import org.perinatalequity.stats.SiiInput.ValueType;

/** The scale on which SII standard errors live and draws are made: log for rates, logit for proportions. */
enum Transform {
    LOG {
        @Override
        double forward(double v) {
            return Math.log(v);
        }

        @Override
        double inverse(double t) {
            return Math.exp(t);
        }
    },
    LOGIT {
        @Override
        double forward(double v) {
            return Math.log(v / (1 - v));
        }

        @Override
        double inverse(double t) {
            return 1 / (1 + Math.exp(-t));
        }
    },
    IDENTITY {
        @Override
        double forward(double v) {
            return v;
        }

        @Override
        double inverse(double t) {
            return t;
        }
    };

    abstract double forward(double value);

    abstract double inverse(double transformed);

    static Transform of(ValueType type) {
        return switch (type) {
            case RATE -> LOG;
            case PROPORTION -> LOGIT;
            case OTHER -> IDENTITY;
        };
    }
}
