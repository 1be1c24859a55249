import type { ImageVM } from '../view-models.js';

/** A responsive image: WebP variants first, JPEG as the fallback every browser takes. */
export function Picture(props: { image: ImageVM; sizes: string; eager?: boolean }) {
  const i = props.image;
  return (
    <picture>
      {i.webpSrcset ? <source type="image/webp" srcset={i.webpSrcset} sizes={props.sizes} /> : null}
      <img
        src={i.src}
        srcset={i.jpegSrcset || undefined}
        sizes={i.jpegSrcset ? props.sizes : undefined}
        alt={i.alt}
        width={i.width ?? undefined}
        height={i.height ?? undefined}
        loading={props.eager ? undefined : 'lazy'}
        decoding="async"
      />
    </picture>
  );
}
