<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an RSS 2.0 or Atom feed of this site as a readable page when opened in a browser.
     Self-contained: no script, no font, nothing from another host. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="lang" select="(rss/channel/language | atom:feed/@xml:lang)[1]"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="referrer" content="no-referrer"/>
        <title><xsl:value-of select="rss/channel/title | atom:feed/atom:title"/></title>
        <style>
          body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1rem/1.6 system-ui, sans-serif; color: #1a1a1a; background: #fdfdfb; }
          header { border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
          .note { background: #f1f4f8; border-left: 4px solid #4a6fa5; padding: .5rem .75rem; font-size: .9rem; }
          .note code { word-break: break-all; }
          ol { list-style: none; padding: 0; }
          li { margin: 0 0 1rem; }
          li a { font-weight: 600; color: #1f4e8c; }
          small { display: block; color: #555; }
          @media (prefers-color-scheme: dark) {
            body { color: #e6e6e6; background: #161616; }
            .note { background: #222a35; }
            li a { color: #8db4ef; }
            small { color: #aaa; }
          }
        </style>
      </head>
      <body>
        <xsl:apply-templates select="rss/channel | atom:feed"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="rss/channel">
    <xsl:call-template name="intro">
      <xsl:with-param name="title" select="title"/>
      <xsl:with-param name="description" select="description"/>
      <xsl:with-param name="home" select="link"/>
      <xsl:with-param name="self" select="atom:link[@rel='self']/@href"/>
    </xsl:call-template>
    <ol>
      <xsl:for-each select="item">
        <li>
          <a href="{link}"><xsl:value-of select="title"/></a>
          <small>
            <xsl:value-of select="pubDate"/>
            <xsl:if test="dc:creator"> · <xsl:value-of select="dc:creator"/></xsl:if>
            <xsl:for-each select="category"> · <xsl:value-of select="."/></xsl:for-each>
          </small>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:template match="atom:feed">
    <xsl:call-template name="intro">
      <xsl:with-param name="title" select="atom:title"/>
      <xsl:with-param name="description" select="atom:subtitle"/>
      <xsl:with-param name="home" select="atom:link[@rel='alternate']/@href"/>
      <xsl:with-param name="self" select="atom:link[@rel='self']/@href"/>
    </xsl:call-template>
    <ol>
      <xsl:for-each select="atom:entry">
        <li>
          <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
          <small>
            <xsl:value-of select="substring(atom:published, 1, 10)"/>
            <xsl:if test="atom:author"> · <xsl:value-of select="atom:author/atom:name"/></xsl:if>
            <xsl:for-each select="atom:category"> · <xsl:value-of select="@label"/></xsl:for-each>
          </small>
          <xsl:if test="atom:summary"><p><xsl:value-of select="atom:summary"/></p></xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:template name="intro">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="home"/>
    <xsl:param name="self"/>
    <header>
      <h1><xsl:value-of select="$title"/></h1>
      <p><xsl:value-of select="$description"/></p>
      <p class="note">
        这是一个订阅源：把下面的地址复制到阅读器里即可订阅。
        This is a news feed: copy its address into your feed reader to follow it.<br/>
        <code><xsl:value-of select="$self"/></code>
      </p>
      <p><a href="{$home}">→ <xsl:value-of select="$home"/></a></p>
    </header>
  </xsl:template>
</xsl:stylesheet>
