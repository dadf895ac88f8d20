/**
 * The ground floor: database, configuration properties, command-line dispatch and scheduling.
 */
@NullMarked
package org.perinatalequity.system;

import org.jspecify.annotations.NullMarked;
