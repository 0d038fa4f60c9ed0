/**
 * The assistant that answers a visitor: for now the auto-reply engine, and when nothing matches a system
 * message offering a human agent or the offline form; and the LLM fleet's configurations (providers, models,
 * sealed API keys, the primary). The provider clients that use them join here.
 */
package io.parley.assistant;
