/** The command-line entry point: what the README's main job and the plugin's forked trainer run. */
package io.github.mnistlab.cli;
