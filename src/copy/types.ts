export interface ProductCopy {
  description: string;
  description_html: string;
  short_description: string;
  bullets: string[];
  seo_title: string;
  seo_description: string;
  tags: string[];
}
export interface PostCopy {
  abstract: string;
  seo_title: string;
  seo_description: string;
  tags: string[];
}
