/**
 * The wire and the sockets: frames in and out (reading and dispatching a client's frame, {@code Frames} for every frame
 * the server sends, the views of messages, sessions and notes they carry), and {@code EventFrames}, the one place where
 * what the business announced after a commit becomes frames for exactly the people who may see it. Making delivery
 * cluster-wide is a change here alone.
 */
package io.parley.push;
