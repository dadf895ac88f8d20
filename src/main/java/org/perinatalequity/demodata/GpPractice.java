package org.perinatalequity.demodata;

/** A GP practice and its primary care network (the "neighbourhood" of the LLR plan). */
record GpPractice(String code, String name, String pcnCode, String pcnName, LocalAuthority la) {
}
