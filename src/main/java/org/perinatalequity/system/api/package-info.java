/**
 * HTTP API plumbing shared by controllers: error answers, parameter filters, the OpenAPI document.
 */
@NullMarked
package org.perinatalequity.system.api;

import org.jspecify.annotations.NullMarked;
