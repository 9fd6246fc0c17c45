package com.example.shop;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/** Spring's MimeType as its text. */
@Converter
public class MimeTypeConverter implements AttributeConverter<MimeType, String> {
    @Override
    public String convertToDatabaseColumn(MimeType type) {
        return type == null ? null : type.toString();
    }

    @Override
    public MimeType convertToEntityAttribute(String column) {
        return column == null ? null : MimeTypeUtils.parseMimeType(column);
    }
}
