/**
 * The assistant that answers a visitor: for now the auto-reply engine, and when nothing matches a system
 * message offering a human agent or the offline form. LLM providers join here.
 */
package io.parley.assistant;
