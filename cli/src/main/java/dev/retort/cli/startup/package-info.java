/**
 * The start-up tricks of the command line, each in a class of its own with its measured gain and
 * its switch ({@link dev.retort.cli.startup.StartupSwitch}): none changes what a command prints.
 */
package dev.retort.cli.startup;
