/** HTML (with an inline SVG chart) and JSON reports of the research studies, and the main that writes them all. */
package io.amcp.ai.research.report;
