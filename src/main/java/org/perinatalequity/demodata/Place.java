package org.perinatalequity.demodata;

/** LLR "place" of residence, the top of the dashboard's geography (DESIGN.md section 4, dimension {@code place}). */
enum Place {
    LEICESTER, LEICESTERSHIRE, RUTLAND, OUTSIDE_LLR
}
