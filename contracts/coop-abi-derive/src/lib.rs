//! `#[derive(AbiType)]`: a struct's ABI definition from its fields.
//!
//! The ABI struct name is the Rust name in snake case, or `#[abi(name = "…")]`. The
//! struct's wire shape (`AbiType::WIRE`) is its fields' shapes in order, the order in which
//! `#[derive(Read)]` reads them.
use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(AbiType, attributes(abi))]
pub fn derive_abi_type(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.to_compile_error().into(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let ident = &input.ident;
    let abi_name = abi_name(input)?;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(ident, "AbiType derives only for structs"));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(ident, "AbiType needs named fields"));
    };
    let names: Vec<String> = fields
        .named
        .iter()
        .map(|f| f.ident.as_ref().map(|i| i.to_string().trim_start_matches("r#").to_string()).unwrap_or_default())
        .collect();
    let types: Vec<&syn::Type> = fields.named.iter().map(|f| &f.ty).collect();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics ::coop_abi::AbiType for #ident #ty_generics #where_clause {
            fn abi_name() -> ::coop_abi::__private::String {
                ::coop_abi::__private::String::from(#abi_name)
            }
            const WIRE: &'static ::coop_abi::Wire =
                &::coop_abi::Wire::Struct(&[#(<#types as ::coop_abi::AbiType>::WIRE),*]);
            fn add_definitions(abi: &mut ::coop_abi::AbiBuilder) {
                if abi.has_struct(#abi_name) {
                    return;
                }
                abi.add_struct(::coop_abi::StructDef {
                    name: ::coop_abi::__private::String::from(#abi_name),
                    base: ::coop_abi::__private::String::new(),
                    fields: ::coop_abi::__private::vec![#(::coop_abi::FieldDef {
                        name: ::coop_abi::__private::String::from(#names),
                        type_: <#types as ::coop_abi::AbiType>::abi_name(),
                    }),*],
                });
                #(<#types as ::coop_abi::AbiType>::add_definitions(abi);)*
            }
        }
    })
}

fn abi_name(input: &DeriveInput) -> syn::Result<String> {
    for attr in &input.attrs {
        if attr.path().is_ident("abi") {
            let mut name = None;
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    name = Some(meta.value()?.parse::<LitStr>()?.value());
                    Ok(())
                } else {
                    Err(meta.error("expected `name = \"…\"`"))
                }
            })?;
            if let Some(name) = name {
                return Ok(name);
            }
        }
    }
    Ok(snake_case(&input.ident.to_string()))
}

fn snake_case(ident: &str) -> String {
    let mut out = String::new();
    for (i, ch) in ident.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}
