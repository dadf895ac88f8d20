package org.perinatalequity.demodata;

/**
 * Issues unique NHS numbers with a valid modulus-11 check digit. All start with 99, a range not issued to real
 * patients, and are spread by a fixed stride so consecutive mothers do not get consecutive numbers.
 */
final class NhsNumbers {

    private static final long BODY_RANGE = 10_000_000L;
    private static final long STRIDE = 7_919L;
    private final long offset;
    private long counter;

    NhsNumbers(long seed) {
        this.offset = Math.floorMod(seed * 31L, BODY_RANGE);
    }

    String next() {
        while (true) {
            if (counter >= BODY_RANGE) {
                throw new IllegalStateException("Synthetic NHS number range exhausted");
            }
            // STRIDE is coprime with the range, so this walks every 7-digit suffix exactly once.
            long suffix = Math.floorMod(offset + counter++ * STRIDE, BODY_RANGE);
            String body = "99" + String.format("%07d", suffix);
            int check = checkDigit(body);
            if (check != 10) {
                return body + check;
            }
        }
    }

    /** Modulus 11 check digit of the first nine digits; 10 means the body cannot be used. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    static boolean isValid(String nhs) {
        if (nhs == null || !nhs.matches("\\d{10}")) {
            return false;
        }
        int check = checkDigit(nhs.substring(0, 9));
        return check != 10 && check == nhs.charAt(9) - '0';
    }
}
