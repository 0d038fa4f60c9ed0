/**
 * The assistant that answers a visitor: canned responses first, then the LLM fleet (OpenAI and OpenAI-compatible
 * servers, Gemini, Anthropic) with failover, streaming and structured replies (suggestions, handoff), one question of a
 * session after another; the fleet's configurations and their health, the prompts, and the accuracy log of every answer.
 */
package io.parley.assistant;
