/** Visitors on the site right now (whether they chat or not), and chats agents start with them. */
package io.parley.visitors;
