/** The tugboat command line. */
package dev.tugboat.runner;
