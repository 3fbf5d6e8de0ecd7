import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';

@InputType({ description: 'An image and the text that describes it.' })
export class ProductImageInput {
  @Field(() => String)
  @IsUrl({ require_protocol: true }, { message: 'url must be an absolute URL' })
  @MaxLength(2000)
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  alt?: string;
}
