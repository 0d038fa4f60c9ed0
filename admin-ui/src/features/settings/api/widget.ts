import type { WidgetLook } from '@parley/protocol';
import { api } from '../../../lib/api';

/** The sites that may embed the widget, as Parley was started (WIDGET_ALLOWED_ORIGINS): every site, or these. */
export interface EmbeddingSites {
  everySite: boolean;
  origins: string[];
}

/** An image kept for the widget's logo: its address, to name as the look's `logoUrl`. */
export interface UploadedLogo {
  logoUrl: string;
  mediaType: string;
  size: number;
}

export const LOOK_KEY = ['admin', 'widget'];

export function getLook(): Promise<WidgetLook> {
  return api<WidgetLook>('GET', '/api/admin/widget');
}

export function saveLook(look: WidgetLook): Promise<WidgetLook> {
  return api<WidgetLook>('PUT', '/api/admin/widget', look);
}

/** Keeps the image on the server (checked there by its content and size); the look names it once saved. */
export function uploadLogo(file: File): Promise<UploadedLogo> {
  return api<UploadedLogo>('POST', '/api/admin/widget/logo', file);
}

export function getSites(): Promise<EmbeddingSites> {
  return api<EmbeddingSites>('GET', '/api/admin/widget/sites');
}
