import type { Attached } from '@parley/protocol';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { text } from '../../../lib/text';
import { imageOf } from '../api/images';

/** An image in the transcript (read with the agent's sign-in), and, for a visitor's, sending it back with marks. */
export function AttachedImage({ attachment, alt, onSendBack }: { attachment: Attached; alt: string; onSendBack?: (image: Blob) => void }) {
  const image = useQuery({ queryKey: ['image', attachment.id], queryFn: () => imageOf(attachment), staleTime: Infinity });
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!image.data) {
      return;
    }
    const url = URL.createObjectURL(image.data);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [image.data]);

  if (image.isError) {
    return <p className="error">{text.annotate.notLoaded}</p>;
  }
  return (
    <figure className="attached">
      {src ? <img src={src} alt={alt} /> : <span className="muted">{text.loading}</span>}
      {onSendBack && image.data && (
        <button type="button" className="quiet" onClick={() => onSendBack(image.data)}>{text.annotate.sendBack}</button>
      )}
    </figure>
  );
}
