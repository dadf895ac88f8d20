/**
 * The SQL that reads the workforce tables (db/160-workforce.sql) for the workforce service.
 */
@NullMarked
package org.perinatalequity.workforce.query;

import org.jspecify.annotations.NullMarked;
