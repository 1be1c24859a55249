import type { ImageVM } from '../view-models.js';

/**
 * A responsive image: AVIF, then WebP variants for the browsers that take them (each source
 * only when the image has that format), JPEG in the `<img>` as the fallback every browser takes.
 */
export function Picture(props: { image: ImageVM; sizes: string; eager?: boolean }) {
  const i = props.image;
  return (
    <picture>
      {i.avifSrcset ? <source type="image/avif" srcset={i.avifSrcset} sizes={props.sizes} /> : null}
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
