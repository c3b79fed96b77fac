/** The fields of a product's copy, as the model writes them and the store keeps them. */
export interface ProductCopy {
  description: string;
  description_html: string;
  short_description: string;
  bullets: string[];
  seo_title: string;
  seo_description: string;
  tags: string[];
}
