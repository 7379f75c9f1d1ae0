/**
 * The capacity plan as one self-contained HTML page ({@link
 * dev.tugboat.restore.capacity.report.HtmlReport}), what {@code tugboat capacity --report
 * capacity.html} writes: no scripts, fonts, images or links, so it can be mailed, archived with a
 * change ticket and printed.
 */
package dev.tugboat.restore.capacity.report;
